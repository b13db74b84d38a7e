// A line-oriented bridge to Microsoft's official Web PubSub JS SDKs, for the Java interop tests.
// The test writes one JSON command per line on stdin and reads one JSON line per result or event on stdout.
//   {"id":1,"op":"client.start","client":"a","url":"ws://...","reliable":true}
//   {"id":2,"op":"client.joinGroup","client":"a","group":"g1","ackId":5}
//   {"id":3,"op":"client.sendToGroup","client":"a","group":"g1","dataType":"binary","data":"AQID","noEcho":true}
//   {"id":4,"op":"service.init","connectionString":"Endpoint=http://localhost:1234;AccessKey=k;Version=1.0;","hub":"h"}
//   {"id":5,"op":"service.sendToAll","data":"hi","contentType":"text/plain"}
// Results: {"id":1,"ok":true,"result":...} or {"id":1,"ok":false,"error":{...}}.
// Events:  {"event":"group-message","client":"a","message":{...}} (binary data as base64).
import readline from "node:readline";
import { WebPubSubClient, WebPubSubJsonProtocol, WebPubSubJsonReliableProtocol } from "@azure/web-pubsub-client";
import { WebPubSubServiceClient } from "@azure/web-pubsub";

const emit = (line) => process.stdout.write(JSON.stringify(line) + "\n");
const toBytes = (dataType, data) => (dataType === "binary" ? new Uint8Array(Buffer.from(data, "base64")).buffer : data);
const wireMessage = (m) => (m.data instanceof ArrayBuffer ? { ...m, data: Buffer.from(m.data).toString("base64") } : m);
const body = (c) => (c.dataType === "binary" ? Buffer.from(c.data, "base64") : c.data);
const contentType = (c) => (c.contentType ? { contentType: c.contentType } : {});

const clients = new Map();
let service;

function clientOf(command) {
  const client = clients.get(command.client ?? "default");
  if (!client) throw new Error(`no client named ${command.client ?? "default"}`);
  return client;
}

function startClient(command) {
  const name = command.client ?? "default";
  const client = new WebPubSubClient(command.url, {
    protocol: command.reliable === false ? WebPubSubJsonProtocol() : WebPubSubJsonReliableProtocol(),
    autoReconnect: command.autoReconnect ?? true,
  });
  client.on("connected", (e) => emit({ event: "connected", client: name, connectionId: e.connectionId, userId: e.userId }));
  client.on("disconnected", (e) => emit({ event: "disconnected", client: name, connectionId: e.connectionId, message: e.message?.message }));
  client.on("stopped", () => emit({ event: "stopped", client: name }));
  client.on("group-message", (e) => emit({ event: "group-message", client: name, message: wireMessage(e.message) }));
  client.on("server-message", (e) => emit({ event: "server-message", client: name, message: wireMessage(e.message) }));
  client.on("rejoin-group-failed", (e) => emit({ event: "rejoin-group-failed", client: name, group: e.group, error: e.error?.message }));
  clients.set(name, client);
  return client.start();
}

const sendOptions = (c) => ({ ackId: c.ackId, noEcho: c.noEcho, fireAndForget: c.fireAndForget });

const ops = {
  "client.start": startClient,
  "client.joinGroup": (c) => clientOf(c).joinGroup(c.group, { ackId: c.ackId }),
  "client.leaveGroup": (c) => clientOf(c).leaveGroup(c.group, { ackId: c.ackId }),
  "client.sendToGroup": (c) => clientOf(c).sendToGroup(c.group, toBytes(c.dataType, c.data), c.dataType, sendOptions(c)),
  "client.sendEvent": (c) => clientOf(c).sendEvent(c.event, toBytes(c.dataType, c.data), c.dataType, sendOptions(c)),
  // invokeEvent came with @azure/web-pubsub-client 1.0.4; binary answers come back as base64.
  "client.invokeEvent": async (c) =>
    wireMessage(await clientOf(c).invokeEvent(c.event, toBytes(c.dataType, c.data), c.dataType)),
  "client.stop": async (c) => {
    clientOf(c).stop();
  },
  "service.init": async (c) => {
    service = new WebPubSubServiceClient(c.connectionString, c.hub, { allowInsecureConnection: true });
  },
  "service.token": (c) =>
    service.getClientAccessToken({ userId: c.userId, roles: c.roles, groups: c.groups, expirationTimeInMinutes: c.minutes }),
  "service.sendToAll": (c) => service.sendToAll(body(c), { ...contentType(c), excludedConnections: c.excluded, filter: c.filter }),
  "service.sendToGroup": (c) => service.group(c.group).sendToAll(body(c), { ...contentType(c), excludedConnections: c.excluded }),
  "service.sendToUser": (c) => service.sendToUser(c.userId, body(c), contentType(c)),
  "service.sendToConnection": (c) => service.sendToConnection(c.connectionId, body(c), contentType(c)),
  "service.addConnectionToGroup": (c) => service.group(c.group).addConnection(c.connectionId),
  "service.removeConnectionFromGroup": (c) => service.group(c.group).removeConnection(c.connectionId),
  "service.addUserToGroup": (c) => service.group(c.group).addUser(c.userId),
  "service.removeUserFromGroup": (c) => service.group(c.group).removeUser(c.userId),
  "service.removeConnectionFromAllGroups": (c) => service.removeConnectionFromAllGroups(c.connectionId),
  "service.listConnections": async (c) => {
    const all = [];
    for await (const connection of await service.group(c.group).listConnections({ maxPageSize: c.maxPageSize })) all.push(connection);
    return all;
  },
  "service.connectionExists": (c) => service.connectionExists(c.connectionId),
  "service.groupExists": (c) => service.groupExists(c.group),
  "service.userExists": (c) => service.userExists(c.userId),
  "service.closeConnection": (c) => service.closeConnection(c.connectionId, { reason: c.reason }),
  "service.closeAllConnections": (c) => service.closeAllConnections({ reason: c.reason }),
  "service.closeGroupConnections": (c) => service.group(c.group).closeAllConnections({ reason: c.reason }),
  "service.closeUserConnections": (c) => service.closeUserConnections(c.userId, { reason: c.reason }),
  "service.grantPermission": (c) => service.grantPermission(c.connectionId, c.permission, { targetName: c.targetName }),
  "service.hasPermission": (c) => service.hasPermission(c.connectionId, c.permission, { targetName: c.targetName }),
  "service.revokePermission": (c) => service.revokePermission(c.connectionId, c.permission, { targetName: c.targetName }),
  exit: async () => {
    for (const client of clients.values()) client.stop();
    setTimeout(() => process.exit(0), 50);
  },
};

readline.createInterface({ input: process.stdin }).on("line", async (line) => {
  if (!line.trim()) return;
  let command;
  try {
    command = JSON.parse(line);
    const op = ops[command.op];
    if (!op) throw new Error(`unknown op ${command.op}`);
    const result = await op(command);
    emit({ id: command.id, ok: true, result: result === undefined ? null : result });
  } catch (e) {
    emit({ id: command?.id, ok: false, error: { name: e?.name, message: e?.message, ackId: e?.ackId, errorDetail: e?.errorDetail, statusCode: e?.statusCode } });
  }
});
process.stdin.on("end", () => process.exit(0));
emit({ event: "ready" });
