export { createApp } from "./app.ts";
export { type Config, readConfig } from "./config.ts";
export { startServer, type RunningServer } from "./server.ts";
