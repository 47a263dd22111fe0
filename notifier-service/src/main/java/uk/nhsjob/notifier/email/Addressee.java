package uk.nhsjob.notifier.email;

/**
 * Who an alert email goes to, and the alert's own words and links.
 *
 * @param criteriaDescription "medical secretary jobs within 10 miles of LS6"
 */
public record Addressee(String address, String criteriaDescription, String manageUrl, String unsubscribeUrl) {

}
