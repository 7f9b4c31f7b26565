trigger ComplianceFindingTrigger on ComplianceFinding__c(before insert, before update, after insert, after update) {
    FindingTriggerHandler.handle(Trigger.operationType, Trigger.new, Trigger.oldMap);
}
