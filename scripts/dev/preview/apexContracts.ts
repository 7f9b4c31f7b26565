/**
 * Reads the @AuraEnabled methods of an Apex class with @apexdevtools/apex-parser: name, parameter names,
 * whether it is static and whether it is cacheable. Used to hold the console controllers to the contracts
 * of consoleContracts.ts.
 */
import { ApexParserFactory, ApexErrorListener } from '@apexdevtools/apex-parser';

export type AuraMethod = { name: string; params: string[]; cacheable: boolean; isStatic: boolean };

class ThrowingListener extends ApexErrorListener {
    override apexSyntaxError(line: number, column: number, message: string): void {
        throw new Error(`Apex syntax error at ${line}:${column + 1}: ${message}`);
    }
}

type Ctx = { getText(): string };
type ModifierCtx = Ctx & {
    annotation():
        | (Ctx & {
              id(): Ctx;
              elementValuePairs():
                  (Ctx & { elementValuePair_list(): (Ctx & { id(): Ctx; elementValue(): Ctx })[] }) | null;
          })
        | null;
    STATIC(): unknown;
};

export function auraEnabledMethods(source: string): AuraMethod[] {
    const { parser } = ApexParserFactory.createLexerAndParser(source, new ThrowingListener());
    const unit = parser.compilationUnit();
    const declaration = unit.typeDeclaration().classDeclaration();
    if (!declaration) {
        throw new Error('Not a class.');
    }
    const methods: AuraMethod[] = [];
    for (const member of declaration.classBody().classBodyDeclaration_list()) {
        const method = member.memberDeclaration()?.methodDeclaration();
        if (!method) {
            continue;
        }
        const modifiers = member.modifier_list() as unknown as ModifierCtx[];
        const aura = modifiers
            .map((modifier) => modifier.annotation())
            .find((annotation) => annotation && annotation.id().getText().toLowerCase() === 'auraenabled');
        if (!aura) {
            continue;
        }
        const pairs = aura.elementValuePairs()?.elementValuePair_list() ?? [];
        const cacheable = pairs.some(
            (pair) =>
                pair.id().getText().toLowerCase() === 'cacheable' &&
                pair.elementValue().getText().toLowerCase() === 'true'
        );
        const params = (method.formalParameters().formalParameterList()?.formalParameter_list() ?? []).map(
            (parameter) => parameter.id().getText()
        );
        methods.push({
            name: method.id().getText(),
            params,
            cacheable,
            isStatic: modifiers.some((modifier) => !!modifier.STATIC())
        });
    }
    return methods;
}
