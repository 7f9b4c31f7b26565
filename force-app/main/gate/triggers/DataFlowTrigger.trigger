trigger DataFlowTrigger on DataFlow__c(before insert, before update, after insert, after update) {
    DataFlowTriggerHandler.handle(Trigger.operationType, Trigger.new, Trigger.oldMap);
}
