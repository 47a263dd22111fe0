package uk.nhsjob.ingest.pull;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.nhsjob.ingest.feed.PulledFeeds;
import uk.nhsjob.ingest.pull.fetch.SourceFetcher;
import uk.nhsjob.ingest.source.SourceDirectory;
import uk.nhsjob.platform.background.BackgroundReaders;

@Configuration(proxyBeanMethods = false)
class PullConfiguration {

	@Bean
	PullRunner pullRunner(PullStore store, SourceFetcher fetcher, PulledFeeds feeds, SourceDirectory sources,
			MeterRegistry meters, PullSettings settings, Clock clock) {
		return new PullRunner(store, fetcher::fetch, feeds, sources, meters, settings, clock);
	}

	@Bean
	PullScheduler pullScheduler(PullStore store, PullRunner runner, PullSettings settings, Clock clock,
			BackgroundReaders readers) {
		return new PullScheduler(store, runner, settings, clock, readers.register(PullScheduler.READER));
	}

}
