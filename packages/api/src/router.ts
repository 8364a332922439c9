import { OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "./env.ts";
import { ApiError } from "./errors.ts";

/** A route group whose schema failures become the API's 400 error (with each problem's path). */
export function router(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const details = result.error.issues
          .slice(0, 20)
          .map((issue) => ({ path: issue.path.map(String), message: issue.message }));
        const first = details[0];
        const where = first && first.path.length > 0 ? ` at ${first.path.join(".")}` : "";
        throw new ApiError(
          400,
          "malformed",
          `the request does not match the schema${where}: ${first?.message ?? "invalid"}`,
          details,
        );
      }
    },
  });
}
