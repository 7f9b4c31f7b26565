trigger OrderTrigger on Order(after insert) {
    OrderTriggerHandler.afterInsert(Trigger.newMap.keySet());
}
