package uk.nhsjob.platform.mongo;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;

/**
 * Replaces Boot's MongoDB health indicator with one that any MongoDB-wire server answers.
 */
@AutoConfiguration(before = MongoHealthContributorAutoConfiguration.class)
@ConditionalOnClass(MongoOperations.class)
public class MongoPlatformAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "mongoHealthIndicator")
	MongoPingHealthIndicator mongoHealthIndicator(MongoOperations mongo) {
		return new MongoPingHealthIndicator(mongo, Clock.systemUTC());
	}

	/**
	 * Dates in UTC, as the driver stores them, rather than Spring Data's default of the
	 * JVM's time zone, so a closing date reads back the same on any machine.
	 */
	@Bean
	@ConditionalOnMissingBean
	MongoCustomConversions mongoCustomConversions() {
		return MongoCustomConversions
			.create(MongoCustomConversions.MongoConverterConfigurationAdapter::useNativeDriverJavaTimeCodecs);
	}

}
