package uk.nhsjob.common.notice;

/**
 * What an {@link AddressNotice} tells its address (docs/events.md).
 */
public enum NoticeKind {

	/** The link to every alert of the address, asked for on the "find my alerts" page. */
	MANAGE_LINK,

	/**
	 * A new alert was asked for an address that already has the most confirmed alerts it
	 * may have: nothing was stored, and the email says how to manage the ones it has.
	 */
	ALERT_LIMIT_REACHED

}
