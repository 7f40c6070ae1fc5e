package org.isrcregistry.api.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

/**
 * The modules' boundaries, over the main classes of every module: dependencies point one way (api → projections →
 * core), the domain knows nothing of Spring, SQL or the web, and the feature packages form no cycle. The cycles that
 * existed when this test was written are recorded in {@code src/test/resources/archunit_store} (ArchUnit's
 * {@link FreezingArchRule}): a new one fails, and one removed is dropped from the record.
 */
@AnalyzeClasses(packages = "org.isrcregistry", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreIsTheDomainOnly = noClasses().that().resideInAPackage("org.isrcregistry.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..",
                    "jakarta.servlet..", "org.apache.kafka..", "org.postgresql..", "org.isrcregistry.projections..",
                    "org.isrcregistry.api..")
            .because("registry-core is the ISRC domain: no framework, no SQL, no web (README, Architecture)");

    @ArchTest
    static final ArchRule projectionsDoNotKnowTheApi = noClasses().that()
            .resideInAPackage("org.isrcregistry.projections..")
            .should().dependOnClassesThat().resideInAPackage("org.isrcregistry.api..")
            .because("dependencies point one way: registry-api → projections → registry-core");

    @ArchTest
    static final ArchRule noNewPackageCycles = FreezingArchRule.freeze(
            slices().matching("org.isrcregistry.(*).(*)..").should().beFreeOfCycles());
}
