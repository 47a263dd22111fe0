package uk.nhsjob.notifier.email;

import java.util.regex.Pattern;

import uk.nhsjob.common.notice.NoticeKind;

/**
 * The subject lines, built on the alert's one-line description of its criteria, and the
 * notices' own. Every subject stays under {@value #LIMIT} characters: a description too
 * long for it is cut at a word and ends in an ellipsis (the whole of it is in the body).
 */
final class Subjects {

	/** A subject is shorter than this, so that phones and Outlook show it whole. */
	static final int LIMIT = 80;

	private static final Pattern JOBS = Pattern.compile("\\b([Jj]ob)s\\b");

	private static final Pattern STARTS_WITH_JOBS = Pattern.compile("[Jj]obs\\b");

	private static final Pattern FIRST_JOBS = Pattern.compile("\\b[Jj]obs\\b\\s*");

	private Subjects() {
	}

	/**
	 * "4 new jobs: medical secretary within 10 miles of LS6", "1 new job: …": the
	 * description without its first "jobs"; "4 new jobs within 10 miles of LS6" for a
	 * description that starts with it.
	 */
	static String newVacancies(int count, String criteriaDescription) {
		String description = criteriaDescription.strip();
		if (STARTS_WITH_JOBS.matcher(description).lookingAt()) {
			return fit(count + " new ", counted(count, description));
		}
		String what = FIRST_JOBS.matcher(description).replaceFirst("").strip();
		return fit(count + " new " + ((count == 1) ? "job" : "jobs") + ": ", what);
	}

	/** Several alerts in one email: "7 new jobs for your 3 job alerts". */
	static String newVacanciesForAlerts(int count, int alerts) {
		return count + " new " + ((count == 1) ? "job" : "jobs") + " for your " + alerts + " job alerts";
	}

	/** "Your job alert is on: 12 medical secretary jobs within 10 miles of LS6". */
	static String welcome(int total, String criteriaDescription) {
		String what = (total > 0) ? total + " " + counted(total, criteriaDescription) : criteriaDescription;
		return fit("Your job alert is on: ", what);
	}

	static String confirmation(String criteriaDescription) {
		return fit("Confirm your job alert: ", criteriaDescription);
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

	/**
	 * The prefix and as much of the text as keeps the whole under {@link #LIMIT}: the
	 * text cut after its last whole word that fits, then "…".
	 */
	static String fit(String prefix, String text) {
		String line = PlainText.oneLine(text);
		if (prefix.length() + line.length() < LIMIT) {
			return prefix + line;
		}
		int room = LIMIT - 1 - prefix.length() - 1;
		String cut = line.substring(0, room);
		int lastSpace = cut.lastIndexOf(' ');
		boolean cutInAWord = !Character.isWhitespace(line.charAt(room));
		if (cutInAWord && lastSpace > 0) {
			cut = cut.substring(0, lastSpace);
		}
		return prefix + cut.stripTrailing().replaceAll("[\\s,;:\\-–]+$", "") + "…";
	}

}
