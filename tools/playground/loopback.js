// Preload (node -r) for the Agents Playground: every server listens on 127.0.0.1 only, whatever host it asks for.
"use strict";
const net = require("net");
const original = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (args.length > 0 && typeof args[0] === "object" && args[0] !== null && !Array.isArray(args[0])) {
    args[0] = Object.assign({}, args[0], { host: "127.0.0.1" });
    return original.apply(this, args);
  }
  if (typeof args[0] === "number" || (typeof args[0] === "string" && /^\d+$/.test(args[0]))) {
    const port = Number(args[0]);
    let rest = args.slice(1);
    if (typeof rest[0] === "string" || rest[0] === undefined || rest[0] === null) rest = rest.slice(1); // drop host
    // listen(port[, host][, backlog][, callback]) → listen(port, "127.0.0.1", ...rest)
    return original.call(this, port, "127.0.0.1", ...rest);
  }
  return original.apply(this, args); // path / handle: unchanged
};
