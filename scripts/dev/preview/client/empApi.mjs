// Preview stand-in for `lightning/empApi`: subscriptions are Server-Sent Events from the preview server,
// delivered in the message shape CometD gives on the platform: { channel, data: { event, payload } }.
const errorHandlers = [];
let counter = 0;
const sources = new Map();

export function subscribe(channel, replayId, onMessage) {
    const id = `sub-${++counter}`;
    const source = new EventSource(
        `/api/events?channel=${encodeURIComponent(channel)}&replayId=${encodeURIComponent(replayId)}`
    );
    source.onmessage = (message) => {
        try {
            onMessage(JSON.parse(message.data));
        } catch (error) {
            errorHandlers.forEach((handler) => handler(error));
        }
    };
    source.onerror = (error) => {
        if (source.readyState === EventSource.CLOSED) {
            errorHandlers.forEach((handler) => handler(error));
        }
    };
    sources.set(id, source);
    return Promise.resolve({ id, channel, replayId });
}

export function unsubscribe(subscription, callback) {
    const source = subscription && sources.get(subscription.id);
    if (source) {
        source.close();
        sources.delete(subscription.id);
    }
    const response = { successful: !!source };
    if (callback) {
        callback(response);
    }
    return Promise.resolve(response);
}

export function onError(callback) {
    errorHandlers.push(callback);
}

export function setDebugFlag() {
    return Promise.resolve(true);
}

export function isEmpEnabled() {
    return Promise.resolve(typeof EventSource !== 'undefined');
}
