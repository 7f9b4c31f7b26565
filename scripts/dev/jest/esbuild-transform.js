// Jest transformer for the TypeScript tooling under scripts/: strips types with esbuild and emits
// CommonJS. Type checking is tsc's job (npm run lint:types), not the test runner's.
'use strict';
const { transformSync } = require('esbuild');
const { createHash } = require('node:crypto');

module.exports = {
    getCacheKey(source, path) {
        return createHash('sha256').update(source).update(path).update('esbuild-v1').digest('hex');
    },
    process(source, path) {
        const result = transformSync(source, {
            loader: path.endsWith('.ts') ? 'ts' : 'js',
            format: 'cjs',
            target: 'node20',
            sourcemap: 'inline',
            sourcefile: path
        });
        return { code: result.code };
    }
};
