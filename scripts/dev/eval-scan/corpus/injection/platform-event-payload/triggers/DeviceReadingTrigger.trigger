trigger DeviceReadingTrigger on DeviceReading__e(after insert) {
    DeviceReadingSubscriber.handle(Trigger.new);
}
