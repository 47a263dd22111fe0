package uk.nhsjob.notifier.email;

import java.util.List;

/**
 * One alert's section of a vacancy email as the templates show it.
 *
 * @param description the alert's one-line description of its criteria
 * @param summary what the section holds, in a line: "3 new jobs"
 * @param more how many vacancies of the alert the email has no room for
 * @param closingSoon earlier-sent vacancies of the alert that close soon, to remind of
 */
record EmailSection(String description, String summary, List<EmailVacancy> vacancies, int more,
		List<EmailVacancy> closingSoon, String manageUrl, String unsubscribeUrl) {

}
