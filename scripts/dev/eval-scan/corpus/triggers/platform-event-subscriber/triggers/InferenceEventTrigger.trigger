trigger InferenceEventTrigger on InferenceEvent__e(after insert) {
    InferenceEventSubscriber.handle(Trigger.new);
}
