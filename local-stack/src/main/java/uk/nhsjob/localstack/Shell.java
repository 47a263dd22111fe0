package uk.nhsjob.localstack;

/** Words for a POSIX shell command the user pastes. */
final class Shell {

	private Shell() {
	}

	/**
	 * The word in single quotes, with each single quote in it closed, escaped and
	 * reopened.
	 */
	static String quote(String word) {
		return "'" + word.replace("'", "'\\''") + "'";
	}

}
