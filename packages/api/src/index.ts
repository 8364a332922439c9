export { createApp } from "./app.ts";
export { type Config, configSchema, readConfig } from "./config.ts";
export { startServer, type RunningServer } from "./server.ts";
