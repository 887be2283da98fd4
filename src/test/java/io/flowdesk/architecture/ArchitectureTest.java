package io.flowdesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The house rules of style.md, kept by the build. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.flowdesk");
    }

    @Test
    void onlyWorkflowAndInternalPackagesTouchFlowable() {
        noClasses().that().resideOutsideOfPackages("io.flowdesk.workflow..", "..internal..")
                .should().dependOnClassesThat().resideInAPackage("org.flowable..").check(classes);
    }

    @Test
    void onlyFormsInternalTouchesNetworknt() {
        noClasses().that().resideOutsideOfPackage("io.flowdesk.forms.internal..")
                .should().dependOnClassesThat().resideInAPackage("com.networknt..").check(classes);
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesInternals() {
        for (String feature : new String[] {"forms", "templates", "workflow", "tickets", "identity", "sla"}) {
            noClasses().that().resideOutsideOfPackage("io.flowdesk." + feature + "..")
                    .should().dependOnClassesThat().resideInAPackage("io.flowdesk." + feature + ".internal..")
                    .check(classes);
        }
    }

    @Test
    void featuresAreFreeOfCycles() {
        slices().matching("io.flowdesk.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void noRawHtmlOutsideTheSanitizingHelper() {
        noClasses().should().callConstructor(com.vaadin.flow.component.Html.class, String.class).check(classes);
    }

    @Test
    void restResourcesDoNotUseEntities() {
        noClasses().that().resideInAPackage("..rest..").should().dependOnClassesThat()
                .resideInAPackage("..internal..").check(classes);
    }
}
