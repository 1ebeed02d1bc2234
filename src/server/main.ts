import { loadConfig, type Config } from './config.ts';
import { startServer, stopOnSignals } from './server.ts';

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  // A configuration that cannot work is refused here, naming the variable, not discovered later.
  console.error(`Rete cannot start. ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
const server = await startServer(config);
stopOnSignals(server, config.shutdownGraceMs);
server.app.log.info(`Rete is listening on ${server.url} (${config.database.kind}); open ${config.publicBaseUrl}`);
