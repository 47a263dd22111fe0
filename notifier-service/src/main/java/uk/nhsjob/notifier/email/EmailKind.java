package uk.nhsjob.notifier.email;

/**
 * The kinds of email the notifier sends, as counted in
 * {@code notifier_emails_sent_total{kind=…}} (docs/operations.md).
 */
public enum EmailKind {

	CONFIRMATION, MATCHES, WELCOME, MANAGE_LINK, ALERT_LIMIT_REACHED

}
