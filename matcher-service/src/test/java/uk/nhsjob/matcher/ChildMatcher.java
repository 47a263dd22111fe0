package uk.nhsjob.matcher;

/**
 * The matcher as {@link MatcherProcess} starts it: it halts when the test JVM that
 * started it ends, so that no child outlives a test run however that run ends.
 */
public final class ChildMatcher {

	static final String PARENT_PROPERTY = "nhsjob.test.parent-pid";

	private ChildMatcher() {
	}

	public static void main(String[] args) {
		ProcessHandle.of(Long.getLong(PARENT_PROPERTY, -1))
			.ifPresentOrElse((parent) -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(1)),
					() -> Runtime.getRuntime().halt(1));
		MatcherApplication.main(args);
	}

}
