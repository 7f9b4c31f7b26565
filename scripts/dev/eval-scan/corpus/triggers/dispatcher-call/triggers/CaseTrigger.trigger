trigger CaseTrigger on Case(before insert, after insert, before update, after update) {
    TriggerDispatcher.run(new CaseTriggerHandler());
}
