package uk.nhsjob.matcher.alert.link;

/** What a link's token lets its holder do; a token works for its own purpose only. */
public enum LinkPurpose {

	CONFIRM, MANAGE, UNSUBSCRIBE,

	/**
	 * The confirmation email's "this wasn't me": erases the address. Its own purpose, so
	 * that the one link a pending alert's email carries besides the confirm link does not
	 * also open the manage page, and a confirm token cannot erase.
	 */
	NOT_ME,

	/**
	 * The "my alerts" page of an address: the token names the address's random handle,
	 * never the address, and expires.
	 */
	ADDRESS

}
