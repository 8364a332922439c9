import type { Services } from "../env.ts";
import { router } from "../router.ts";

export function exportsRoutes(_services: Services) {
  const app = router();
  return app;
}
