import { z } from "@hono/zod-openapi";

/** Shapes shared by several routes, with their OpenAPI names. */

export const ErrorSchema = z
  .object({
    error: z.object({
      status: z.number().int(),
      code: z.string(),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .openapi("Error");

export const PackIdParams = z.object({
  namespace: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .max(50)
    .openapi({ param: { name: "namespace", in: "path" }, example: "acme" }),
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]*$/)
    .max(50)
    .openapi({ param: { name: "name", in: "path" }, example: "shelving" }),
});

export const DesignIdParams = z.object({
  id: z
    .string()
    .regex(/^d_[A-Za-z0-9_-]{6,40}$/, "must be a design id like d_...")
    .openapi({ param: { name: "id", in: "path" } }),
});

/** Responses every route may give, by status. */
export function errors(...statuses: (400 | 401 | 403 | 404 | 409 | 413 | 422 | 429)[]) {
  const descriptions: Record<number, string> = {
    400: "Malformed request",
    401: "Missing or unknown token",
    403: "Not allowed for this token",
    404: "Not found",
    409: "Conflicts with what exists",
    413: "Too large",
    422: "Breaks a rule",
    429: "Too many requests",
  };
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: descriptions[status]!, content: { "application/json": { schema: ErrorSchema } } },
    ]),
  );
}

export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
