declare module 'text-readability' {
  interface Readability {
    fleschKincaidGrade(text: string): number
    fleschReadingEase(text: string): number
    smogIndex(text: string): number
    textStandard(text: string, floatOutput: true): number
    textStandard(text: string, floatOutput?: false | null): string
    lexiconCount(text: string, removePunctuation?: boolean): number
    sentenceCount(text: string): number
    syllableCount(text: string, lang?: string): number
  }
  const readability: Readability
  export default readability
}
