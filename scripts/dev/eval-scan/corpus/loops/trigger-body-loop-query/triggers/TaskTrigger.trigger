trigger TaskTrigger on Task(before insert) {
    for (Task t : Trigger.new) {
        List<Contact> who = [SELECT Id FROM Contact WHERE Id = :t.WhoId WITH USER_MODE];
    }
}
