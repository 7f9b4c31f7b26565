// Jest setup for the scripts project: Node's own errors (fs, net) are made in Node's realm, so inside
// Jest's sandbox `error instanceof Error` is false for them, unlike in a real process. Libraries that
// tell "file not found" that way (@salesforce/core's state files) then throw where they should go on.
// This makes `instanceof Error` (and only on Error itself, not its subclasses) accept any native error.
'use strict';
const { isNativeError } = require('node:util').types;

const ordinary = Function.prototype[Symbol.hasInstance];
Object.defineProperty(Error, Symbol.hasInstance, {
    value(candidate) {
        return ordinary.call(this, candidate) || (this === Error && isNativeError(candidate));
    }
});
