package uk.nhsjob.ingest.normalise;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.RemoteWorking;

/**
 * Whether a vacancy is remote, hybrid or on site: from its remote field ({@code true},
 * {@code TELECOMMUTE}, {@code hybrid} …), else from what its title and location say. On
 * site unless something says otherwise.
 */
final class RemoteWorkings {

	private static final String[] HYBRID = { "hybrid*", "partly remote", "partly home based" };

	private static final String[] REMOTE = { "remote*", "telecommute", "home based", "homebased", "home working",
			"homeworking", "work from home", "working from home", "wfh" };

	private static final String[] YES = { "true", "yes", "y", "1" };

	private static final String[] NO = { "false", "no", "n", "0", "on site", "onsite", "office based" };

	private RemoteWorkings() {
	}

	static RemoteWorking of(@Nullable String remoteField, @Nullable String... otherTexts) {
		if (remoteField != null && !remoteField.isBlank()) {
			Words field = Words.of(remoteField);
			if (field.hasAny(HYBRID)) {
				return RemoteWorking.HYBRID;
			}
			if (field.hasAny(REMOTE) || field.hasAny(YES)) {
				return RemoteWorking.REMOTE;
			}
			if (field.hasAny(NO)) {
				return RemoteWorking.ON_SITE;
			}
		}
		Words others = Words.of(otherTexts);
		if (others.hasAny(HYBRID)) {
			return RemoteWorking.HYBRID;
		}
		return others.hasAny(REMOTE) ? RemoteWorking.REMOTE : RemoteWorking.ON_SITE;
	}

}
