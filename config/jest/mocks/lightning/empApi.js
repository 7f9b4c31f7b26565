/**
 * Jest mock of lightning/empApi (the platform's Streaming API client) that keeps its subscriptions, so
 * a test can publish an event to what a component subscribed and see it stop after unsubscribe.
 * sfdx-lwc-jest's stub only records calls. Mapped in jest.config.js; the jestMock* helpers exist only
 * here, for tests.
 */
const subscriptions = new Map();
let lastId = 0;

export const subscribe = jest.fn((channel, replayId, onMessage) => {
    lastId += 1;
    const subscription = { id: String(lastId), channel, replayId };
    subscriptions.set(subscription.id, { subscription, onMessage });
    return Promise.resolve(subscription);
});

export const unsubscribe = jest.fn((subscription, callback) => {
    const removed = subscriptions.delete(subscription && subscription.id);
    const response = { successful: removed, subscription: subscription && subscription.channel };
    if (callback) {
        callback(response);
    }
    return Promise.resolve(response);
});

export const onError = jest.fn();

export const setDebugFlag = jest.fn(() => Promise.resolve(true));

export const isEmpEnabled = jest.fn(() => Promise.resolve(true));

/** Delivers `message` to every current subscriber of `channel`; returns how many received it. */
export function jestMockPublish(channel, message) {
    let delivered = 0;
    for (const { subscription, onMessage } of [...subscriptions.values()]) {
        if (subscription.channel === channel) {
            onMessage({ channel, ...message });
            delivered += 1;
        }
    }
    return delivered;
}

/** Forgets every subscription, for a test that wants a clean start. */
export function jestMockReset() {
    subscriptions.clear();
}
