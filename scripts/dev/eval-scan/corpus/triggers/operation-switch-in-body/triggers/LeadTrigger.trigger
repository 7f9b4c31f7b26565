trigger LeadTrigger on Lead(before insert, after insert) {
    Boolean enabled = TriggerSettings__c.getInstance().LeadTriggerEnabled__c;
    switch on Trigger.operationType {
        when BEFORE_INSERT {
            LeadHandler.beforeInsert(Trigger.new);
        }
        when AFTER_INSERT {
            LeadHandler.afterInsert(Trigger.new);
        }
    }
}
