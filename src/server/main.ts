import { loadConfig } from './config.ts';
import { startServer, stopOnSignals } from './server.ts';

const config = loadConfig();
const server = await startServer(config);
stopOnSignals(server, config.shutdownGraceMs);
server.app.log.info(`Rete is listening on ${server.url} (${config.database.kind}); open ${config.publicBaseUrl}`);
