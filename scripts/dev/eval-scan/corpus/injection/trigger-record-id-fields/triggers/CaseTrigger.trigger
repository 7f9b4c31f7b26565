trigger CaseTrigger on Case(after update) {
    CaseTriggerHandler.afterUpdate(Trigger.new);
}
