package uk.nhsjob.matcher.alert.link;

/** What a link's token lets its holder do; a token works for its own purpose only. */
public enum LinkPurpose {

	CONFIRM, MANAGE, UNSUBSCRIBE,

	/**
	 * The "my alerts" page of an address: the token names the address's random handle,
	 * never the address, and expires.
	 */
	ADDRESS

}
