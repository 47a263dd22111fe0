package uk.nhsjob.ingest.pull;

import java.net.URI;

import uk.nhsjob.ingest.pull.fetch.Fetch;
import uk.nhsjob.ingest.pull.fetch.FetchFailedException;
import uk.nhsjob.ingest.pull.fetch.PullFormat;
import uk.nhsjob.ingest.pull.fetch.SourceFetcher;
import uk.nhsjob.ingest.pull.fetch.Validators;

/**
 * What a pull fetches its pages with: the {@link SourceFetcher} in the service, a fake in
 * unit tests.
 */
@FunctionalInterface
interface PageFetching {

	Fetch fetch(URI url, PullFormat format, Validators known) throws FetchFailedException;

}
