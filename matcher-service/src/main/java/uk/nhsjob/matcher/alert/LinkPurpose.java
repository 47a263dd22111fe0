package uk.nhsjob.matcher.alert;

/** What a link's token lets its holder do; a token works for its own purpose only. */
enum LinkPurpose {

	CONFIRM, MANAGE, UNSUBSCRIBE

}
