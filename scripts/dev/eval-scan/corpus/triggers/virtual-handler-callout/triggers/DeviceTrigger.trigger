trigger DeviceTrigger on Asset(after update) {
    new DeviceTriggerHandler().run();
}
