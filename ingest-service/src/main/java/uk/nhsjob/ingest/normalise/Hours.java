package uk.nhsjob.ingest.normalise;

import java.util.List;

import org.jspecify.annotations.Nullable;

import uk.nhsjob.common.vocabulary.WorkingPattern;

/** Hours a week, when stated, and the working patterns of a vacancy. */
record Hours(@Nullable Double perWeek, List<WorkingPattern> patterns) {

	Hours {
		patterns = List.copyOf(patterns);
	}

}
