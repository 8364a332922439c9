import type { Services } from "../env.ts";
import { router } from "../router.ts";

export function challengesRoutes(_services: Services) {
  const app = router();
  return app;
}
