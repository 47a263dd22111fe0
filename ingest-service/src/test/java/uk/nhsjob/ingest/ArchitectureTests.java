package uk.nhsjob.ingest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import uk.nhsjob.testsupport.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The service's packages by feature, and the direction between them: the rules every
 * service keeps, Spring Modulith's check of its modules, and the ingest's own.
 */
class ArchitectureTests {

	private static final JavaClasses SERVICE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("uk.nhsjob.ingest");

	@Test
	void keepsTheRulesEveryServiceKeeps() {
		ServiceArchitecture.verify("uk.nhsjob.ingest");
	}

	@Test
	void itsFeaturesAreModulesThatUseOnlyWhatEachOtherExposes() {
		ServiceArchitecture.verifyModules(IngestApplication.class);
	}

	@Test
	void featuresDoNotDependOnEachOtherInACycle() {
		slices().matching("uk.nhsjob.ingest.(*)..").should().beFreeOfCycles().check(SERVICE);
	}

	@Test
	void normalisingKnowsNothingOfHttpSourcesOrPublishing() {
		noClasses().that()
			.resideInAPackage("uk.nhsjob.ingest.normalise..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("uk.nhsjob.ingest.feed..", "uk.nhsjob.ingest.source..", "uk.nhsjob.ingest.publish..",
					"org.springframework.web..", "jakarta.servlet..")
			.check(SERVICE);
	}

	@Test
	void onlyThePublisherTalksToKafka() {
		noClasses().that()
			.resideOutsideOfPackage("uk.nhsjob.ingest.publish..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.kafka.core..")
			.check(SERVICE);
	}

}
