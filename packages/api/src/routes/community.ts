import type { Services } from "../env.ts";
import { router } from "../router.ts";

export function communityRoutes(_services: Services) {
  const app = router();
  return app;
}
