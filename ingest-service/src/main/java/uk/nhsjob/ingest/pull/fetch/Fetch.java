package uk.nhsjob.ingest.pull.fetch;

import java.util.List;

/** What a fetch of a pulled source brought: its pages, or word that nothing changed. */
public sealed interface Fetch {

	/**
	 * Every page, in order (one for json-ld, csv and json; all of totalPages for
	 * nhs-jobs-xml).
	 */
	record Pages(List<PulledPage> pages, Validators validators, int httpStatus) implements Fetch {

		public Pages {
			pages = List.copyOf(pages);
		}

	}

	/** 304 on the first request: nothing changed. */
	record NotModified(Validators validators) implements Fetch {

	}

}
