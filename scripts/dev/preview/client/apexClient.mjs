// Preview stand-in for `@salesforce/apex/Controller.method`: an imperative call (returns a Promise) that is
// also a wire adapter, like on the platform. Calls go to the preview server's JSON API; errors keep the
// platform's shape { status, body: { message } } so components handle them the same way.
const refreshers = new WeakMap();

function demoHeaders() {
    const headers = { 'Content-Type': 'application/json' };
    const params = new URLSearchParams(window.location.search);
    if (params.has('nopermission')) {
        headers['X-Warden-Demo-Permission'] = 'none';
    }
    // ?as=<user id>: the demo user the backend acts as (the banner's "Acting as" choice).
    if (params.get('as')) {
        headers['X-Warden-Demo-User'] = params.get('as');
    }
    return headers;
}

async function callServer(name, params) {
    const response = await fetch(`/api/apex/${name}`, {
        method: 'POST',
        headers: demoHeaders(),
        body: JSON.stringify(params ?? {})
    });
    let body = null;
    try {
        body = await response.json();
    } catch (parseError) {
        body = { message: `The preview server answered ${response.status} without JSON.` };
    }
    if (!response.ok) {
        throw { status: response.status, body };
    }
    return body;
}

export function apexMethod(controller, method) {
    const name = `${controller}.${method}`;
    const call = (params) => callServer(name, params);
    call.adapter = class ApexWireAdapter {
        constructor(dataCallback) {
            this.dataCallback = dataCallback;
            this.token = 0;
            this.config = undefined;
        }
        connect() {}
        disconnect() {
            this.token++;
        }
        update(config) {
            this.config = config;
            // Like the platform: no call while a reactive parameter is still undefined.
            if (config && Object.values(config).some((value) => value === undefined)) {
                return;
            }
            this.fetch();
        }
        fetch() {
            const token = ++this.token;
            return call(this.config).then(
                (data) => token === this.token && this.emit({ data, error: undefined }),
                (error) => token === this.token && this.emit({ data: undefined, error })
            );
        }
        emit(value) {
            refreshers.set(value, this);
            this.dataCallback(value);
        }
    };
    return call;
}

/** `refreshApex(wiredValue)`: fetches again for the wire that provisioned `wiredValue`. */
export function refreshApex(wiredValue) {
    const adapter = refreshers.get(wiredValue);
    return adapter ? adapter.fetch() : Promise.resolve();
}
