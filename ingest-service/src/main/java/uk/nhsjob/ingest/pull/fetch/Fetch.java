package uk.nhsjob.ingest.pull.fetch;

import java.util.List;

/**
 * What one fetch of a source brought: its pages, or nothing new. Placeholder until the
 * fetch branch lands.
 */
public sealed interface Fetch {

	record Pages(List<PulledPage> pages, Validators validators, int httpStatus) implements Fetch {
	}

	record NotModified(Validators validators) implements Fetch {
	}

}
