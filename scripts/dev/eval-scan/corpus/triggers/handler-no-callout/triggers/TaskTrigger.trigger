trigger TaskTrigger on Task(before insert) {
    TaskTriggerHandler.beforeInsert(Trigger.new);
}
