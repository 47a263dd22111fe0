package uk.nhsjob.notifier.email;

import java.util.regex.Pattern;

import uk.nhsjob.common.notice.NoticeKind;

/**
 * The subject lines, built on the alert's one-line description of its criteria, and the
 * notices' own.
 */
final class Subjects {

	private static final Pattern JOBS = Pattern.compile("\\b([Jj]ob)s\\b");

	private Subjects() {
	}

	/** "3 new medical secretary jobs within 10 miles of LS6", "1 new … job …". */
	static String newVacancies(int count, String criteriaDescription) {
		return count + " new " + counted(count, criteriaDescription);
	}

	/** "Your job alert is on: 12 medical secretary jobs within 10 miles of LS6". */
	static String welcome(int total, String criteriaDescription) {
		String what = (total > 0) ? total + " " + counted(total, criteriaDescription) : criteriaDescription;
		return "Your job alert is on: " + what;
	}

	static String confirmation(String criteriaDescription) {
		return "Confirm your job alert: " + criteriaDescription;
	}

	/** A notice's subject: it names no alert and says nothing of the address. */
	static String notice(NoticeKind kind) {
		return switch (kind) {
			case MANAGE_LINK -> "Your job alerts";
			case ALERT_LIMIT_REACHED -> "Your new job alert was not set up";
		};
	}

	/** The description reads "… jobs …"; one of them is a job. */
	private static String counted(int count, String criteriaDescription) {
		return (count == 1) ? JOBS.matcher(criteriaDescription).replaceFirst("$1") : criteriaDescription;
	}

}
