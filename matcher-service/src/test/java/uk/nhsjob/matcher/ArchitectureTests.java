package uk.nhsjob.matcher;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The service's packages by feature, and the direction between them. */
class ArchitectureTests {

	private static final JavaClasses SERVICE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("uk.nhsjob.matcher");

	@Test
	void featuresDoNotDependOnEachOtherInACycle() {
		slices().matching("uk.nhsjob.matcher.(*)..").should().beFreeOfCycles().check(SERVICE);
	}

	@Test
	void alertsKnowNothingOfMatching() {
		noClasses().that()
			.resideInAPackage("uk.nhsjob.matcher.alert..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("uk.nhsjob.matcher.matching..")
			.check(SERVICE);
	}

	@Test
	void dependsOnNoOtherServiceNorOnTestLibraries() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("uk.nhsjob.ingest..", "uk.nhsjob.notifier..", "..testsupport..", "org.junit..",
					"org.mockito..")
			.check(SERVICE);
	}

	@Test
	void onlyTheMatcherPublishesMatches() {
		noClasses().that()
			.resideOutsideOfPackage("uk.nhsjob.matcher.matching..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("uk.nhsjob.common.match..")
			.check(SERVICE);
	}

}
