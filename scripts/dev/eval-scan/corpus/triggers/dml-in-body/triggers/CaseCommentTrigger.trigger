trigger CaseCommentTrigger on CaseComment(after insert) {
    List<Case> touched = new List<Case>();
    CaseCommentHandler.collect(Trigger.new, touched);
    update as user touched;
}
