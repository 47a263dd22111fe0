package uk.nhsjob.notifier;

import org.junit.jupiter.api.Test;

import uk.nhsjob.testsupport.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTests {

	@Test
	void featuresHaveNoCyclesAndNoOtherServiceIsUsed() {
		ServiceArchitecture.verify("uk.nhsjob.notifier");
	}

	@Test
	void featuresAreModulesThatUseOnlyWhatTheOthersExpose() {
		ServiceArchitecture.verifyModules(NotifierApplication.class);
	}

	@Test
	void onlyTheDeliverySendsOverItsOwnSmtpConnections() {
		noClasses().that()
			.resideOutsideOfPackages("..notifier.delivery..", "..notifier.smtp..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..notifier.smtp..")
			.check(ServiceArchitecture.classesOf("uk.nhsjob.notifier"));
	}

}
