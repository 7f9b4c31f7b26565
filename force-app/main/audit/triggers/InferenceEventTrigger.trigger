trigger InferenceEventTrigger on InferenceEvent__e(after insert) {
    InferenceEventHandler.handle(Trigger.new);
}
